0:1
note("c3 e3").fmsustain3("0.5 2")
