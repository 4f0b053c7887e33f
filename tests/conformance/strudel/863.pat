0:2
s("bd*2").fadeTime("<1 3>")
