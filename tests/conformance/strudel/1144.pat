0:1
stepcat(s("bd sd").s_expand(2), s("hh"))
