0:3
n(randrun(8))
