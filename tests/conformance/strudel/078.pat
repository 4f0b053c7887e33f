0:2
s("hh*2").struct("<1 0> 1".invert())
