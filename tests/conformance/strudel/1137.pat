0:2
randL("<2 3>").segment(4)
