0:2
polyrhythm(n("0 1 2"), n("<5 6>"))
