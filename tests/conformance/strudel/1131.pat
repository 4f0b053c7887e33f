0:2
s("breaks").loopatcps(2, 0.6)
