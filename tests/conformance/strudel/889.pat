0:2
s("bd*2").hpdepth("<1 3>")
