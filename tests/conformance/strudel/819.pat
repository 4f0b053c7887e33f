0:2
s("bd*2").binshift("<1 3>")
