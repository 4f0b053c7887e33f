0:2
n("0 2 4").scale("C:major").strans(1)
