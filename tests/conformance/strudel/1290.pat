0:1
warpmode("<fold sync>").s("wt_digital")
