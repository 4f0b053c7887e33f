0:2
s("bd*2").fshift("<1 3>")
