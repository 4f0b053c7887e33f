0:8
wchooseCycles([s("bd"), 3], [s("sn"), 1])
