0:1
stepcat("a b", "c")
