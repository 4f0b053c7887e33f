0:1
note("c3 e3").gat("0.5 2")
