0:2
s("hh*4").struct("0 1 2 3".lte(1))
