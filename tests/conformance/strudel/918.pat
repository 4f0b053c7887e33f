0:1
note("c3 e3").lpdepthfrequency("0.5 2")
