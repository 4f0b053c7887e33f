0:1
wtsync("0.1 0.4").s("wt_digital")
