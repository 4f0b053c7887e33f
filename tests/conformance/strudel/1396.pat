1/3:7/3
s("<bev sn>").chop("<2 5>").fast(1.5)
