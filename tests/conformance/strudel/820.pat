0:1
note("c3 e3").bpdc("0.5 2")
