0:4
s("bev").chop(4).loopAt("<2 4>")
