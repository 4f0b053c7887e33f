0:1
note("c3 e3").uid("0.5 2")
