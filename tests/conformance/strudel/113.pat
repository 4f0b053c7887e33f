0:2
s("bd sn").out(n("1 2 3"))
