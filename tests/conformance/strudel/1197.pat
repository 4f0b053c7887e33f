0:1
"a b c".grow("1 -1")
