0:1
s("a b c d").focusSpan({begin:0.25, end:0.75})
