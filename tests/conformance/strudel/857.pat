0:2
s("bd*2").enhance("<1 3>")
