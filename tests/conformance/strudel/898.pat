0:1
note("c3 e3").hpskew("0.5 2")
