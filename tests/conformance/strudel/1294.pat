0:1
warpenv("0.1 0.4").s("wt_digital")
