0:1
note("c3 e3").fmdec2("0.5 2")
