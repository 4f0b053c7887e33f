0:1
note("c3").fmh(1.5).fmi(2)
