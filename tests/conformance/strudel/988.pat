0:1
note("c3 e3").triode("0.5 2")
