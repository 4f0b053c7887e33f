0:2
pr(s("bd sn"), s("hh*3"))
