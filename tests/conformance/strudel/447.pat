0:1
note("c3 e3").fmattack2("0.5 2")
