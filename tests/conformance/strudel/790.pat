0:2
s("bd*2").fmwave4("sawtooth triangle")
