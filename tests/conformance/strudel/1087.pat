0:2
s("bd*2").duration("<1 3>")
