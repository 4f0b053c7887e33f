0:2
s("bd sd hh").pace("<2 4>")
