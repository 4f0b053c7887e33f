0:1
note("c3 e3").hard("2:0.5")
