0:2
"0 [0 0]".add(cyclesPer)
