0:1
note("c3 e3").gate("0.5 2")
