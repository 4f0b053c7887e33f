0:1
note("c3 e3").control("74:0.5")
