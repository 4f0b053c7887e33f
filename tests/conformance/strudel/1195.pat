0:1
"a b c d".grow(1)
