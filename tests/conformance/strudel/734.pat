0:2
s("bd*2").fmrelease3("<1 3>")
