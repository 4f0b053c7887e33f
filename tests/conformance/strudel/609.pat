0:1
note("c3 e3").fmi4("0.5 2")
