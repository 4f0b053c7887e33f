0:2
s("bev ev").loopat(4)
