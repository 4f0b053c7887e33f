0:1
note("c3 e3").fmatt5("0.5 2")
