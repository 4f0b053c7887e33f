0:1
note("c3 e3").fmdecay2("0.5 2")
