0:2
s("bd*2").fmsustain4("<1 3>")
