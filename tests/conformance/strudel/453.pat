0:1
note("c3 e3").fmattack5("0.5 2")
