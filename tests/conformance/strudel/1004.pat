0:1
note("c3 e3").compressorAttack("0.5 2")
