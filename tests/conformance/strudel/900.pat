0:1
note("c3 e3").hpsync("0.5 2")
