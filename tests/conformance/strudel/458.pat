0:2
s("bd*2").fmattack7("<1 3>")
