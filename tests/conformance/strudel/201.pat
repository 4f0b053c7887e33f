0:4
n("0 1 2 3 4 5").slowchunk(3, x => x.fast(2))
