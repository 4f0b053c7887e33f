0:1
note("c3 e3").fmrelease4("0.5 2")
