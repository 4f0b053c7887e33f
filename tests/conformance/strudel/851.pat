0:2
s("bd*2").degree("<1 3>")
