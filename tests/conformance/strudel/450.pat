0:2
s("bd*2").fmattack3("<1 3>")
