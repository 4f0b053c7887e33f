0:1
note("c3 e3").fmsustain5("0.5 2")
