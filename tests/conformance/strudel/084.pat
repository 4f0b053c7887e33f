0:2
n(itri.range(0, 8).segment(8))
