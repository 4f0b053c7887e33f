0:1
note("c3 e3").kcutoff("0.5 2")
