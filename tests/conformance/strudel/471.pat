0:1
note("c3 e3").fmdec5("0.5 2")
