0:2
s("bd*2").tremshape("saw tri")
