0:2
s("bd*2").oscport("<1 3>")
