0:1
note("c3 e3").fmdecay7("0.5 2")
