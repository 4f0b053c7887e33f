0:1
note("c3 e3").sinefold("2:0.5")
