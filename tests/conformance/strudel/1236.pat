0:2
"a b".bypass("1 0")
