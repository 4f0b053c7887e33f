0:2
square2.segment(4)
