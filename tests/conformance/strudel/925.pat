0:2
s("bd*2").lpskew("<1 3>")
