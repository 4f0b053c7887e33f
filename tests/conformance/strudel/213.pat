0:2
n("0 1 2".add(steady(10)))
