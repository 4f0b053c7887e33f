0:1
note("c3 e3").bpskew("0.5 2")
