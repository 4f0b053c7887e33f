0:1
note("c3 e3").fmdec4("0.5 2")
