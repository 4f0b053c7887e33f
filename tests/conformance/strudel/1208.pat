0:1
"a b c d".drop("1 2")
