0:2
s("bd*2").fmdecay1("<1 3>")
