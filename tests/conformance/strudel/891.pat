0:2
s("bd*2").hpdepthfreq("<1 3>")
