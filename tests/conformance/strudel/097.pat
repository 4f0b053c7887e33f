0:2
s("bev").loopat(2)
