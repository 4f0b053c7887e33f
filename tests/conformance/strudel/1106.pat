0:2
"a b c d".maskAll("1 ~ 0 1")
