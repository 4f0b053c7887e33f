0:2
s("bd*2").bpskew("<1 3>")
