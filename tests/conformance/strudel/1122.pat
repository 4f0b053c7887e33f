0:1
"1 ~ [1 1]".struct("x x [x x]").mul(cyclesPer)
