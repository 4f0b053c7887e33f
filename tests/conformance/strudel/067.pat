0:2
s("bd sn").hush()
