0:2
n("0 2".plywith(3, x => x.add(1)))
