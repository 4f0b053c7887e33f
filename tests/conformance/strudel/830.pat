0:1
note("c3 e3").bpshape("0.5 2")
