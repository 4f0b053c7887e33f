0:1
note("c3 e3").fmrelease5("0.5 2")
