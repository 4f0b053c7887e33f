0:2
n("0 1 2 3").within(0, 0.5, x => x.fast(2))
