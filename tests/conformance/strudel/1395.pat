1/3:7/3
s("bev bd").begin(0.25).end(0.75).chop(3)
