0:2
itri.segment(4)
