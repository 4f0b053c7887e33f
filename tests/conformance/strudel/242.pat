0:8
wrandcat(["a b", 1], ["c", 2]).fast(2)
