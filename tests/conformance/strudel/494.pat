0:2
s("bd*2").fmdecay7("<1 3>")
