0:1
pm("a b c d", "e f")
