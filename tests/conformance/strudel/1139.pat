0:1
"a b c d e".pace(2)
