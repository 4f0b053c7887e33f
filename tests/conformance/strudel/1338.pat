0:1
zrand("0.1 0.4").s("z_square")
