0:1
note("c3 e3").phases("0.5 2")
