0:2
s("bd*2").tsdelay("<1 3>")
