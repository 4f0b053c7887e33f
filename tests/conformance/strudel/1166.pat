0:1
stepcat(s("bd sd"), gap(2), s("cp"))
