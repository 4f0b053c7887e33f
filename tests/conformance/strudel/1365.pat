0:1
s("bd sd").duckorbit(2).duckattack("0.2:0.05")
