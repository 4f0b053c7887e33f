0:1
warp("0.1 0.4").s("wt_digital")
