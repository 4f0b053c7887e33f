0:2
s("bd*2").bpdepthfrequency("<1 3>")
