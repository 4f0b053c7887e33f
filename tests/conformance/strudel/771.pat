0:1
note("c3 e3").fmsustain4("0.5 2")
