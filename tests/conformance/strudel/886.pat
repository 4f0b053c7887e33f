0:1
note("c3 e3").hpdc("0.5 2")
