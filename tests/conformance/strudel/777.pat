0:1
note("c3 e3").fmsustain7("0.5 2")
