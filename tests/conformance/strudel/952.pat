0:1
note("c3 e3").oscport("0.5 2")
