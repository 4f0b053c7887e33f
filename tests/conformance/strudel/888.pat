0:1
note("c3 e3").hpdepth("0.5 2")
