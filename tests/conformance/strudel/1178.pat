0:1
timeCat("a b c", [2, "d"])
