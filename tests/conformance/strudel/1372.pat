0:2
note("e a").channels("<3:4 1>")
