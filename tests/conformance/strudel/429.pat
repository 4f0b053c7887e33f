0:1
note("c3 e3").fmatt2("0.5 2")
