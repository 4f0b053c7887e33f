0:2
s("bd*2").lbrick("<1 3>")
