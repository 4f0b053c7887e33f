0:2
s("bd*2").fmsustain5("<1 3>")
