0:1
note("c3 e3").minutes("0.5 2")
