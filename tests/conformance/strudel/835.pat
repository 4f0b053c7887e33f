0:2
s("bd*2").bpsync("<1 3>")
