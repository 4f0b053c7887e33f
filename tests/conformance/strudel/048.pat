0:2
n("0 1").euclidLegatoRot("<3 5>", 8, 1)
