0:2
itri2.segment(4)
