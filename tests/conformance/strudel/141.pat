0:2
polyrhythm(s("bd sn"), s("hh*3"))
