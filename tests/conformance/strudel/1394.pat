1/3:7/3
s("bev").slow(4).chop(16)
