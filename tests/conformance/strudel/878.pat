0:1
note("c3 e3").harmonic("0.5 2")
