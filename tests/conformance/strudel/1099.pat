0:2
s("bd*2").seconds("<1 3>")
