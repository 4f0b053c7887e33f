0:1
slide("0.1 0.4").s("z_square")
