0:1
deltaSlide("0.1 0.4").s("z_square")
