0:1
note("c3 e3").bus("0.5 2")
