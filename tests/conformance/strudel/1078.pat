0:1
note("c3 e3").channel("0.5 2")
