0:2
rand2.segment(4)
