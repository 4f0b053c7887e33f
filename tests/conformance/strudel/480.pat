0:2
s("bd*2").fmdecay("<1 3>")
