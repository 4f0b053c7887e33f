0:1
n("0 [1 2] 3 4").zoomArc({begin:0, end:0.5})
