0:1
note("c3 e3").fmi8("0.5 2")
