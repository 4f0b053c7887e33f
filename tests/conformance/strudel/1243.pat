0:1
s("a b").focusspan({begin:0, end:0.5})
