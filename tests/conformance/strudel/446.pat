0:2
s("bd*2").fmattack1("<1 3>")
