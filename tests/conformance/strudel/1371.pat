0:1
s("bd sd").duckorbit(2).duckonset("0.2:0.05")
