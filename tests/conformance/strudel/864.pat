0:1
note("c3 e3").frameRate("0.5 2")
