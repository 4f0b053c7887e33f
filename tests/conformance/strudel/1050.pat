0:1
note("c3 e3").soft("2:0.5")
