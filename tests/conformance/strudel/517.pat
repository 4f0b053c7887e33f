0:1
note("c3 e3").fmh2("0.5 2")
