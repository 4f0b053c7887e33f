0:1
note("c3 e3").phd("0.5 2")
