0:2
s("bd*2").phasercenter("<1 3>")
