0:2
s("bd*2").phasersweep("<1 3>")
