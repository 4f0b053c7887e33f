0:1
stepcat(s("bd sd").s_extend(2), s("hh"))
