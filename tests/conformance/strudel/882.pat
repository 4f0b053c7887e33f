0:1
note("c3 e3").hold("0.5 2")
