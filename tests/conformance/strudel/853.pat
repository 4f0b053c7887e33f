0:2
s("bd*2").delayspeed("<1 3>")
