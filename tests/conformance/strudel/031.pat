0:2
s("bd*4").n(chooseOut(0, 2, 4))
