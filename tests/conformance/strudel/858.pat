0:1
note("c3 e3").expression("0.5 2")
