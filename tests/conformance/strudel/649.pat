0:1
note("c3 e3").fmi6("0.5 2")
