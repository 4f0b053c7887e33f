0:4
n("<0 1> 2 3 4").fastChunk(2, x => x.fast(2))
