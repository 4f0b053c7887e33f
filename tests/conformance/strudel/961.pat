0:2
s("bd*2").panspan("<1 3>")
