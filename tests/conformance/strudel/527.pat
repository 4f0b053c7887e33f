0:1
note("c3 e3").fmh7("0.5 2")
