0:1
note("c3 e3").songPtr("0.5 2")
