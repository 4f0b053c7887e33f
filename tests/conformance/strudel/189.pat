0:2
s("bd sn").set(n("<1 2>"))
