0:1
note("c3 e3").dry("0.5 2")
