0:1
note("c3 e3").fmatt8("0.5 2")
