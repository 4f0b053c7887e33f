0:1
"0*3 [0 0]".add(perx)
