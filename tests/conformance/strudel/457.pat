0:1
note("c3 e3").fmattack7("0.5 2")
