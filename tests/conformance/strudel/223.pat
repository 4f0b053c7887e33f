0:2
n("0 1 2".stutwith(2, 1/3, x => x.sub(1)))
