0:2
s("bd*2").songPtr("<1 3>")
