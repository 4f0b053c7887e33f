0:1
note("c3 e3").fmdec7("0.5 2")
