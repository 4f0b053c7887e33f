0:1
note("c3 e3").comb("0.5 2")
