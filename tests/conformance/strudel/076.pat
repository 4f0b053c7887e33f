0:2
s("hh*2").mask("1 0".inv())
