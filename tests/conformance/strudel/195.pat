0:2
sine2.segment(4)
