0:1
s("bev").loop(1).loopBegin("0.25 0.5")
