0:1
zcrush("0.1 0.4").s("z_square")
