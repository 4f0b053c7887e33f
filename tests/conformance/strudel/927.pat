0:2
s("bd*2").lpsync("<1 3>")
