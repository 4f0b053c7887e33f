0:1
note("c3 e3").dur("0.5 2")
