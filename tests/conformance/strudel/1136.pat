0:2
randL(3).segment(2)
