0:2
sine2.segment(4).range2(0, 10)
