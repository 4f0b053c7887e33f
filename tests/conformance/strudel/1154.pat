0:2
stepcat(s("bd sd").replicate(2), s("cp"))
