0:2
s("bd*2").fmwave1("sawtooth triangle")
