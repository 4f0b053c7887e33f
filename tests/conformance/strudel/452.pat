0:2
s("bd*2").fmattack4("<1 3>")
