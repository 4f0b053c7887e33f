0:2
s("bd*2").disttype("hard diode")
