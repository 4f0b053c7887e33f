0:2
s("bd*2").fmdecay2("<1 3>")
