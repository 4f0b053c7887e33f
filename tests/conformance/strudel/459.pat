0:1
note("c3 e3").fmattack8("0.5 2")
