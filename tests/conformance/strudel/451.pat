0:1
note("c3 e3").fmattack4("0.5 2")
