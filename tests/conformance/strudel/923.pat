0:2
s("bd*2").lpshape("<1 3>")
