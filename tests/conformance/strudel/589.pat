0:1
note("c3 e3").fmi3("0.5 2")
