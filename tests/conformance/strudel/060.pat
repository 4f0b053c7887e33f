0:2
"-1 0 1".fromBipolar()
