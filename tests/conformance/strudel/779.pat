0:1
note("c3 e3").fmsustain8("0.5 2")
