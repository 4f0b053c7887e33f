0:2
s("bd*2").chorus("<1 3>")
