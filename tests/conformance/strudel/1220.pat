0:3
seqPLoop([2, "a"], [3, "b c"])
