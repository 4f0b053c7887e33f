0:4
s("bd sn hh cp").chunkback(2, x => x.speed(2))
