0:1
note("c3 e3").hours("0.5 2")
