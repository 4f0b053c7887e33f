0:4
n("0 1 2").sparsity("<1 2>")
