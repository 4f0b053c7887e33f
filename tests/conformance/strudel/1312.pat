0:1
warprate("0.1 0.4").s("wt_digital")
