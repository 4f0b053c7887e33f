0:1
note("c3 e3").lrate("0.5 2")
