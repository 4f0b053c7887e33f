0:1
note("c3 e3").fmatt3("0.5 2")
