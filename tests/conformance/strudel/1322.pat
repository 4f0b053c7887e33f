0:1
warpskew("0.1 0.4").s("wt_digital")
