0:1
note("c3 e3").fmdecay8("0.5 2")
