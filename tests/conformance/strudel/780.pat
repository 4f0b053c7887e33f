0:2
s("bd*2").fmsustain8("<1 3>")
