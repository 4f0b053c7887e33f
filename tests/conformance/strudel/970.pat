0:1
note("c3 e3").ringf("0.5 2")
