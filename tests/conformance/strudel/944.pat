0:1
note("c3 e3").octer("0.5 2")
