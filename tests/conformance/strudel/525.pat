0:1
note("c3 e3").fmh6("0.5 2")
