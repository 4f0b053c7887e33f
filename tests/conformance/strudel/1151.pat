0:1
"a b".extend(3)
