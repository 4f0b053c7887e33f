0:2
s("bd").euclidrot(3, 8, 2)
