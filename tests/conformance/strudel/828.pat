0:1
note("c3 e3").bprate("0.5 2")
