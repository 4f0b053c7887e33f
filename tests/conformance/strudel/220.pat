0:2
n("0 1".stutWith(3, 1/8, x => x.add(2)))
