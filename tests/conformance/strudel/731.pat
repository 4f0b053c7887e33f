0:1
note("c3 e3").fmrelease2("0.5 2")
