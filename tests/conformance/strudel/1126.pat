0:1
"0 [0 [0 0]]".add(perCycle)
