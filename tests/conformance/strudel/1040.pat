0:1
note("c3 e3").phasersweep("0.5 2")
