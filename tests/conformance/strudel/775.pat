0:1
note("c3 e3").fmsustain6("0.5 2")
