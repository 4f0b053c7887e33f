0:2
s("bd*2").fmwave3("sawtooth triangle")
