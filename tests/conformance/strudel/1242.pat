0:2
n("0 1 2").focusSpan({begin:1, end:1.5})
