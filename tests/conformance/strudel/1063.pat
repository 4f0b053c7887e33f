0:2
s("bd*2").tremoloshape("tri ramp")
