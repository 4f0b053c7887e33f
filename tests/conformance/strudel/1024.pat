0:1
note("c3 e3").fold("2:0.5")
