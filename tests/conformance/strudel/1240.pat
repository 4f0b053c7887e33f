0:1
s("a [b c]").compressspan({begin:0.5, end:1})
