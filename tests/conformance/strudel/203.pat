0:2
s("bd sn").sparsity(2)
