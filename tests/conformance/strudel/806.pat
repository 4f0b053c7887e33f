0:1
note("c3 e3").accelerate("0.5 2")
