0:1
note("c3 e3").phasercenter("0.5 2")
