0:2
s("bd*2").fmdecay3("<1 3>")
