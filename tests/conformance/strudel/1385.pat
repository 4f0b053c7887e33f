0:2
n("<0 1> 2").focusspan({begin:0.5, end:1})
