0:4
s("bd sn hh cp").slowChunk(2, x => x.speed(2))
