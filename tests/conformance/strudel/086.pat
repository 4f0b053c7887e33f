0:2
n(itri2.range(0, 8).segment(8))
