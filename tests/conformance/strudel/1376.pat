0:2
note("c3 e3").s("sawtooth").noise("<0.1 0.6>")
