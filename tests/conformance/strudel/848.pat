0:1
note("c3 e3").ctranspose("0.5 2")
