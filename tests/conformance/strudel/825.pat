0:2
s("bd*2").bpdepthfreq("<1 3>")
