0:1
note("c3 e3").fmrelease6("0.5 2")
