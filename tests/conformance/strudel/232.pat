0:2
note("c3 e3").trans(2)
