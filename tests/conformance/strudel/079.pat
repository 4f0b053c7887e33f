0:2
isaw2.segment(4)
