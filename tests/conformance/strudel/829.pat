0:2
s("bd*2").bprate("<1 3>")
