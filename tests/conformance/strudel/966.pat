0:1
note("c3 e3").ring("0.5 2")
