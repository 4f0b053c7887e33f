0:1
note("c3 e3").lpsync("0.5 2")
