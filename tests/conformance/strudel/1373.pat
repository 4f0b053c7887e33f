0:1
channels("1 2").note("c")
