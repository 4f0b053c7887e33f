0:2
s("bd*2").fmrelease5("<1 3>")
