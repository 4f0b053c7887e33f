0:1
note("c3 e3").ringdf("0.5 2")
