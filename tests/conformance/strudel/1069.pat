0:2
s("bd*2").tremphase("<1 3>")
