0:2
s("bd*2").lpdepthfrequency("<1 3>")
