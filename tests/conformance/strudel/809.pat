0:2
s("bd*2").activeLabel("<a b>")
