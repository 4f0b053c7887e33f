0:2
s("bd*2").fmwave("sawtooth triangle")
