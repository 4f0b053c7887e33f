0:1
note("c3 e3").fmdecay4("0.5 2")
