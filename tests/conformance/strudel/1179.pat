0:1
timecat("a b", "c d e")
