0:1
note("c3 e3").phc("0.5 2")
