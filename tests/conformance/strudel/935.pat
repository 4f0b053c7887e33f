0:2
s("bd*2").minutes("<1 3>")
