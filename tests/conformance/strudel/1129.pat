0:2
s("breaks").loopAtCps(2, 0.6)
