0:4
s("bd sn hh cp").fastchunk(2, x => x.speed(2))
