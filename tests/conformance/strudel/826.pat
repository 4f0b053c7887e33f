0:1
note("c3 e3").bpdepthfrequency("0.5 2")
