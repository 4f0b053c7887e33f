0:2
s("bd*2").lpdepthfreq("<1 3>")
