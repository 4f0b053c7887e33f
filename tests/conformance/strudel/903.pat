0:2
s("bd*2").kcutoff("<1 3>")
