0:8
wrandcat([s("bd"), 3], [s("sn"), 1])
