0:2
s("bd*2").fmrelease2("<1 3>")
