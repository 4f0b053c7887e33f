0:1
noise("0 0.5").note("c")
