0:1
pitchJumpTime("0.1 0.4").s("z_square")
