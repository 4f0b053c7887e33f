0:1
s("bev").loop(1).loope("0.5 0.9")
