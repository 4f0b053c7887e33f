0:1
saw2.segment(8).choose2("x", "y")
