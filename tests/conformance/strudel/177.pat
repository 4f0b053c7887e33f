0:2
saw2.segment(4)
