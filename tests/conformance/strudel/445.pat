0:1
note("c3 e3").fmattack1("0.5 2")
