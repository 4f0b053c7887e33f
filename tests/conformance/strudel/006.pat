0:2
"a b".applyN(2, x => x.fast(2))
