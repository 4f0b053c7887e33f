0:1
note("c3 e3").fmdec6("0.5 2")
