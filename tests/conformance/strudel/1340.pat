0:1
curve("0.1 0.4").s("z_square")
