0:2
n("0 2 4").scale("C:major").scaleTrans(1)
