0:1
note("c3 e3").amp("0.5 2")
