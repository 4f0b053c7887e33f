0:2
chooseOut("a", "b", "c").segment(4)
