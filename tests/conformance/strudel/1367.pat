0:1
s("bd sd").duckorbit(2).duckdepth("0.2:0.05")
