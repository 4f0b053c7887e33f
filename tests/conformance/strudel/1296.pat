0:1
warpattack("0.1 0.4").s("wt_digital")
