0:1
"a b".extend("1 2")
