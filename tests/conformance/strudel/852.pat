0:1
note("c3 e3").delayspeed("0.5 2")
