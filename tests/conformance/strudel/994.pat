0:1
note("c3 e3").waveloss("0.5 2")
