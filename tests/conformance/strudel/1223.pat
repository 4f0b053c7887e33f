0:1
s("bev").loop(1).loopb("0.25 0.5")
