0:1
note("c3 e3").fmrelease8("0.5 2")
