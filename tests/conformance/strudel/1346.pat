0:1
pitchJump("0.1 0.4").s("z_square")
