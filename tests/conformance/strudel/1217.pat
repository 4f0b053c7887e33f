0:2
parray(["a b", "c d e"])
