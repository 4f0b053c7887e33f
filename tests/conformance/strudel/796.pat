0:2
s("bd*2").fmwave7("sawtooth triangle")
