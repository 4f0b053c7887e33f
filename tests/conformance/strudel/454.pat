0:2
s("bd*2").fmattack5("<1 3>")
