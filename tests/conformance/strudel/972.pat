0:1
note("c3 e3").scram("0.5 2")
