0:2
s("bd*2").lprate("<1 3>")
