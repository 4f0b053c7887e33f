0:2
steady(3).segment(4)
