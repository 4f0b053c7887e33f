0:2
s("a b c d").zoomArc({begin:0.25, end:0.75})
