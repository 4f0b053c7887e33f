0:2
n(square2.range(0, 8).segment(8))
