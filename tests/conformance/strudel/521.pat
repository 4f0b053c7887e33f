0:1
note("c3 e3").fmh4("0.5 2")
