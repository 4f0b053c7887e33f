0:2
s("bd*2").fmwave2("sawtooth triangle")
