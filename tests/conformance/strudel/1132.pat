0:2
s("x y").loopatcps(1, "<0.5 2>")
