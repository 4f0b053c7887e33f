0:1
note("c3 e3").trem("0.5 2")
