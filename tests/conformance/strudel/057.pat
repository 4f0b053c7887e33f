0:2
s("bd sn hh cp").focus(0.25, 0.75)
