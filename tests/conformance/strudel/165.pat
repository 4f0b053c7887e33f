0:2
n("0 1 2 3").slow(2).reset("x x")
