0:1
n("<0 1> 2").compressSpan({begin:0, end:0.5})
