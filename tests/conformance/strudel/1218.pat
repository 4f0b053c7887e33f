0:1
parray(["a", "b c", "d"])
