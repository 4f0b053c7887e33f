0:2
s("bd*2").fmattack6("<1 3>")
