0:2
s("bd*2").fmrelease6("<1 3>")
