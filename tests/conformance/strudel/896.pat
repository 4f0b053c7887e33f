0:1
note("c3 e3").hpshape("0.5 2")
