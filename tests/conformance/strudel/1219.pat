0:3
seqPLoop([0, 2, "a b"], [1, 3, "c"])
