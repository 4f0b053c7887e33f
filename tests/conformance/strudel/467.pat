0:1
note("c3 e3").fmdec3("0.5 2")
