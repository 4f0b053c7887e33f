0:1
stepcat(s("bd sd hh cp").contract(2), s("rim"))
