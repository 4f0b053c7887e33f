0:1
note("c3 e3").smear("0.5 2")
