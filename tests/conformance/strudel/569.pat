0:1
note("c3 e3").fmi2("0.5 2")
