0:1
stepcat(s("bd sd").extend(2), s("hh hh"))
