0:1
note("c3 e3").lpdc("0.5 2")
