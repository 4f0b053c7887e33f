0:2
n("0 1 2".plywith(2, x => x.sub(1)))
