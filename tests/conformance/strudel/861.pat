0:2
s("bd*2").fadeOutTime("<1 3>")
