0:1
note("c3 e3").fmh8("0.5 2")
