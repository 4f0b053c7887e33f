0:1
note("c3 e3").fmh3("0.5 2")
