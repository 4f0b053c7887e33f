0:1
note("c3 e3").duration("0.5 2")
