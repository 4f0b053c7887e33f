0:2
s("bd*2").fmsustain7("<1 3>")
