0:2
n(rand2.range(0, 8).segment(8).floor())
