0:2
n(tri2.range(0, 8).segment(8))
