0:2
s("bev").slice(4, "0 1 2 3")
