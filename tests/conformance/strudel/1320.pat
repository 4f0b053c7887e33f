0:1
warpdc("0.1 0.4").s("wt_digital")
