0:2
s("bd*2").fmattack8("<1 3>")
