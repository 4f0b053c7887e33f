0:2
s("bd*2").harmonic("<1 3>")
