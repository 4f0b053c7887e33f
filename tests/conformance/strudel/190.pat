0:2
s("bd sn").set.out(gain("0.5 0.7 1"))
