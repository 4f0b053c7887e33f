0:1
znoise("0.1 0.4").s("z_square")
