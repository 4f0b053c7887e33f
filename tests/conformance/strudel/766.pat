0:2
s("bd*2").fmsustain1("<1 3>")
