0:1
note("c3 e3").lprate("0.5 2")
