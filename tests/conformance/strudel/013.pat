0:2
n("1 2 3".blshift(2))
