0:1
note("c3 e3").fxr("0.5 2")
