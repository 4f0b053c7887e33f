0:2
s("bd*2").fmrelease4("<1 3>")
