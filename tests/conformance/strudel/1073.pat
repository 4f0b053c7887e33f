0:2
s("bd*2").tremskew("<1 3>")
