0:2
s("bd*2").panwidth("<1 3>")
