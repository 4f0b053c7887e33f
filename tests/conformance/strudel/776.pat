0:2
s("bd*2").fmsustain6("<1 3>")
