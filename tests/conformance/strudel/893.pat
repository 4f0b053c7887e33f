0:2
s("bd*2").hpdepthfrequency("<1 3>")
