0:2
squeeze("0 1", ["a b", "c d e"])
