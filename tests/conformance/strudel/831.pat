0:2
s("bd*2").bpshape("<1 3>")
