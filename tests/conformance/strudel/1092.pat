0:1
note("c3 e3").freeze("0.5 2")
