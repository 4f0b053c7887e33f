0:1
note("c3 e3").fmsustain1("0.5 2")
