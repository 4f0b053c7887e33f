0:2
s("bd*2").frameRate("<1 3>")
