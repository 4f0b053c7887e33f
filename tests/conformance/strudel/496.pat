0:2
s("bd*2").fmdecay8("<1 3>")
