0:1
"a b c d".take("1 2")
