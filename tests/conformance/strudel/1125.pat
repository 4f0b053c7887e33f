0:1
"10 [10 10]".mul(perCycle)
