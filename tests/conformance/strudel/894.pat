0:1
note("c3 e3").hprate("0.5 2")
