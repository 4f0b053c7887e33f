0:1
s("bev").loop(1).loopEnd("0.75 1")
