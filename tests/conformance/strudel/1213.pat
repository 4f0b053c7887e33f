0:2
sine2.segment(4).choose2("a", "b", "c")
