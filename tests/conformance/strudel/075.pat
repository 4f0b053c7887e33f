0:2
s("bd").struct("1 0 1 1".inv())
