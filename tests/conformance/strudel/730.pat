0:2
s("bd*2").fmrelease1("<1 3>")
