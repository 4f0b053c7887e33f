0:1
stepcat(s("bd sd").expand(2), s("hh hh hh"))
