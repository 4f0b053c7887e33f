0:2
n(isaw2.range(0, 8).segment(8))
