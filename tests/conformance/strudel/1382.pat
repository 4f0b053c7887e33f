0:2
n("0 1 2").compressspan({begin:0, end:0.75})
