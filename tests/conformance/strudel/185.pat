0:2
s("bd sn hh cp").scramble("<2 4>")
