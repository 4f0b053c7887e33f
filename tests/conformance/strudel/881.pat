0:2
s("bd*2").hbrick("<1 3>")
