0:1
note("c3 e3").fmi1("0.5 2")
