0:1
warpatt("0.1 0.4").s("wt_digital")
