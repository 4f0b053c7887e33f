0:2
s("bd*2").fmwave8("sawtooth triangle")
