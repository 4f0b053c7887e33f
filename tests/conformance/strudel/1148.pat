0:1
stepcat(s("bd sd hh cp").s_contract(2), s("rim"))
