0:2
s("bd*2").octaveR("<1 3>")
