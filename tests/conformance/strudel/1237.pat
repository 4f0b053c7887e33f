0:1
s("bd*4").bypass("0.5 2")
