0:1
note("c3 e3").fmdecay5("0.5 2")
