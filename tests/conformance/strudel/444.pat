0:2
s("bd*2").fmattack("<1 3>")
