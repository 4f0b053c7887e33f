0:2
s("bd*2").hpshape("<1 3>")
