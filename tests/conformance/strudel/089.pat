0:2
"a b".keep.out("1 2 3")
