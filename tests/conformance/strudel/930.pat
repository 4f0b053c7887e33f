0:1
note("c3 e3").lsize("0.5 2")
