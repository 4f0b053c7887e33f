0:2
s("bd*2").pansplay("<1 3>")
