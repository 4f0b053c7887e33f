0:2
s("bd*2").fmdecay5("<1 3>")
