0:2
s("hh").euclidrot(5, 8, "<0 1>")
