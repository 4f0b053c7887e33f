0:2
s("bd").struct("1 0 0 1".invert())
