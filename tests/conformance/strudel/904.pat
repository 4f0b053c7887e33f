0:1
note("c3 e3").krush("0.5 2")
