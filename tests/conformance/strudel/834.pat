0:1
note("c3 e3").bpsync("0.5 2")
