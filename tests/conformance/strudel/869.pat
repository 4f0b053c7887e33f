0:2
s("bd*2").fshiftnote("<1 3>")
