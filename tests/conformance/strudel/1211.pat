0:1
"a b".replicate("2 1")
