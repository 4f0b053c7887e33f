0:1
note("c3 e3").fmh1("0.5 2")
