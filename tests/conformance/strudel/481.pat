0:1
note("c3 e3").fmdecay1("0.5 2")
