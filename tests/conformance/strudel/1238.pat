0:2
s("a b c d").compressSpan({begin:0.25, end:0.75})
