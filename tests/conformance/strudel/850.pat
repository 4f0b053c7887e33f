0:1
note("c3 e3").degree("0.5 2")
