0:2
"a b".bypass("<0 1>")
