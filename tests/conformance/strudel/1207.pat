1:2
"a b c d".take("<1 2>")
