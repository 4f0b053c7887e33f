0:4
n("0 1 2 3".slowChunk(4, x => x.add(10)))
