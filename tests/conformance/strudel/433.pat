0:1
note("c3 e3").fmatt4("0.5 2")
