0:1
note("c3 e3").fmatt1("0.5 2")
