0:2
s("bd*2").accelerate("<1 3>")
