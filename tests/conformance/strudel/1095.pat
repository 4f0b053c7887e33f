0:2
s("bd*2").label("<x y>")
