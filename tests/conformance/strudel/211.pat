0:2
s("bd sn").squeezeout(n("1 2"))
