0:1
note("c3 e3").fmrelease1("0.5 2")
