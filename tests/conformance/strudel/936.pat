0:1
note("c3 e3").mtranspose("0.5 2")
