0:1
note("c3 e3").fshift("0.5 2")
