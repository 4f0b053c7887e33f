0:2
s("bev").loopAt(2)
