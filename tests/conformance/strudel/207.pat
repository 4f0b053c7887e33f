0:2
n("0 1".squeeze("5 6 7"))
