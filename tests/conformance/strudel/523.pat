0:1
note("c3 e3").fmh5("0.5 2")
