0:2
randrun(4)
