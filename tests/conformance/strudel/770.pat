0:2
s("bd*2").fmsustain3("<1 3>")
