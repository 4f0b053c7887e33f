0:4
s("x").loopAtCps("<2 4>", 1)
