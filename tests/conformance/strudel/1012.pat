0:1
note("c3 e3").cubic("2:0.5")
