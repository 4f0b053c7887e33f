0:1
note("c3 e3").hpdepthfrequency("0.5 2")
