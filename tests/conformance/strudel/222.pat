0:2
n("0 1".stutwith(3, 1/8, x => x.add(2)))
