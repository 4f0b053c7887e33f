0:2
s("bd*2").hprate("<1 3>")
