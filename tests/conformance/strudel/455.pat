0:1
note("c3 e3").fmattack6("0.5 2")
