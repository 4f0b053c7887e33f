0:2
n(sine2.range(0, 8).segment(8))
