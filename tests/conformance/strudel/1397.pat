1/3:7/3
s("bev").slow(8).chop(128).early(0.3)
