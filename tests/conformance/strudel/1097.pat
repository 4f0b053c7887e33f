0:2
s("bd*2").phases("<1 3>")
