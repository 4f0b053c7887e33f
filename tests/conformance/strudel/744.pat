0:2
s("bd*2").fmrelease8("<1 3>")
