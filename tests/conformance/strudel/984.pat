0:1
note("c3 e3").sustainpedal("0.5 2")
