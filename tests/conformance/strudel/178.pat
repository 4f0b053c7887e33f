0:2
n(saw2.range(0, 8).segment(8))
