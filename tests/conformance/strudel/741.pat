0:1
note("c3 e3").fmrelease7("0.5 2")
