0:2
s("bd*2").tremoloskew("<1 3>")
