0:1
note("c3 e3").asym("2:0.5")
