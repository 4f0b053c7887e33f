0:1
note("c3 e3").lock("0.5 2")
