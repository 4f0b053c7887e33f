0:2
s("bd*2").panorient("<1 3>")
