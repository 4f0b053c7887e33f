0:1
note("c3 e3").seconds("0.5 2")
