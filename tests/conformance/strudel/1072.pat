0:1
note("c3 e3").tremskew("0.5 2")
