0:2
s("bd*2").lpdepth("<1 3>")
