0:2
s("bd*2").fmwave6("sawtooth triangle")
