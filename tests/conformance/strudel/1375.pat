0:1
s("bd sd").ch(1)
