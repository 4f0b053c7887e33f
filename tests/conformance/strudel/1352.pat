0:1
zmod("0.1 0.4").s("z_square")
