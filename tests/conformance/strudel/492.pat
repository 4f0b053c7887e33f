0:2
s("bd*2").fmdecay6("<1 3>")
