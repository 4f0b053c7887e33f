0:2
s("bd*2").freeze("<1 3>")
