0:2
s("bd*2").waveloss("<1 3>")
