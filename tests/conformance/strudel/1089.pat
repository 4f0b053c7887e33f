0:2
s("bd*2").fadeInTime("<1 3>")
