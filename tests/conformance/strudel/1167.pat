0:1
stepcat(gap(1), "a b")
