0:2
s("bd*2").xsdelay("<1 3>")
