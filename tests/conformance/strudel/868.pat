0:1
note("c3 e3").fshiftnote("0.5 2")
