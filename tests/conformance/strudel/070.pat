0:2
s("bd sn").in(n("1 2 3"))
