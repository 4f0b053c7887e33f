0:1
note("c3 e3").tremphase("0.5 2")
