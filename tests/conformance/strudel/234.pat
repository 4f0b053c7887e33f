0:2
tri2.segment(4)
