0:2
stepalt("a b", ["c", "d e"])
