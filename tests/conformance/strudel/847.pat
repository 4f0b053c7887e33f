0:2
s("bd*2").ctlNum("<1 3>")
