0:2
s("bd*2").delaysync("<1 3>")
