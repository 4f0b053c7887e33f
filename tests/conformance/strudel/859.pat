0:2
s("bd*2").expression("<1 3>")
