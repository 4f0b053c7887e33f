0:1
"a b c d e".shrink("1 -1")
