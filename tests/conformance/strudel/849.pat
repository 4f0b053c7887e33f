0:2
s("bd*2").ctranspose("<1 3>")
