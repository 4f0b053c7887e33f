0:2
s("bd*2").channel("<1 3>")
