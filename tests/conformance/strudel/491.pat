0:1
note("c3 e3").fmdecay6("0.5 2")
