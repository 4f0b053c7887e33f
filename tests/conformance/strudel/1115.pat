0:4
s("hh").euclidish(3, 8, "<0 0.5 1 0.3>")
