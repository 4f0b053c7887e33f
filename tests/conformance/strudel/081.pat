0:4
n("0 1 2 3").iterback(4)
