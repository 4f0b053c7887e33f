0:1
s("bd sd hh").steps(4)
