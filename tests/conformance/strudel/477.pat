0:1
note("c3 e3").fmdec8("0.5 2")
