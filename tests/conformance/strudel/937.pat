0:2
s("bd*2").mtranspose("<1 3>")
