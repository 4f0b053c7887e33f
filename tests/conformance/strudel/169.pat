0:4
s("bd sn hh").rib(0.5, 0.5)
