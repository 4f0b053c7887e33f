0:2
s("bd*2").triode("<1 3>")
