0:1
stepcat([1, "a"], "b c d")
