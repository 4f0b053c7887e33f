0:2
s("bd sn hh cp").shuffle("<2 4>")
