0:1
note("c3 e3").lpshape("0.5 2")
