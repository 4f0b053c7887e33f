0:2
s("bd*2").hpskew("<1 3>")
