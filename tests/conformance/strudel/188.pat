0:2
n("0 1 2").set(s("bd sn"))
