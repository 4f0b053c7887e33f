0:1
warprel("0.1 0.4").s("wt_digital")
