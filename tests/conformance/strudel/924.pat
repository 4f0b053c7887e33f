0:1
note("c3 e3").lpskew("0.5 2")
