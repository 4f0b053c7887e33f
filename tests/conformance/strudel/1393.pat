0:1
"0 1".applyN(3, x => x.add(1))
