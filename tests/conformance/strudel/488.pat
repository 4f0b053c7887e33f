0:2
s("bd*2").fmdecay4("<1 3>")
