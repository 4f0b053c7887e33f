0:2
s("bd sn hh cp").within(0.5, 1, rev)
