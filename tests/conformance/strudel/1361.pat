0:2
s("bd*2").duckorbit("<2 3>")
