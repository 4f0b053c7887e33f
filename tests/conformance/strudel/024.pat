0:2
n("8 16 4".brshift(1))
