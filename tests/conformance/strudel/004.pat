0:2
n("0 2".apply(x => x.add(7)))
