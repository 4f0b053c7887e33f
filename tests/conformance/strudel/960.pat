0:1
note("c3 e3").panspan("0.5 2")
