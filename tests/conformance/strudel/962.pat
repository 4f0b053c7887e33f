0:1
note("c3 e3").pansplay("0.5 2")
