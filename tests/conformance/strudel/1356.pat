0:1
zdelay("0.1 0.4").s("z_square")
