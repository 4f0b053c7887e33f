0:2
s("bd*2").fmwave5("sawtooth triangle")
