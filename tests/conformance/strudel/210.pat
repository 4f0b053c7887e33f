0:2
n("0 1".squeezeout("5 6 7"))
