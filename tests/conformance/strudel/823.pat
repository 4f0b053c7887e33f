0:2
s("bd*2").bpdepth("<1 3>")
