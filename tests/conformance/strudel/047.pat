0:2
s("bd").euclidLegatoRot(3, 8, 2)
