0:1
s("bd sd").duckorbit("<1 3>")
