0:1
warprelease("0.1 0.4").s("wt_digital")
