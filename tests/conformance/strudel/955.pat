0:2
s("bd*2").overgain("<1 3>")
