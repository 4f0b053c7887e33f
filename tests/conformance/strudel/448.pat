0:2
s("bd*2").fmattack2("<1 3>")
