0:2
s("bd*2").sinefold("<1 3>")
