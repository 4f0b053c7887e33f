0:2
s("bd*2").hpsync("<1 3>")
