0:2
sine.seg(4)
