0:2
s("bd*2").fmsustain("<1 3>")
