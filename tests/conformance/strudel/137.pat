0:2
n("0 2".plyWith(3, x => x.add(1)))
