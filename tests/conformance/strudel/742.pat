0:2
s("bd*2").fmrelease7("<1 3>")
