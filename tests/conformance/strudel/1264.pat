0:1
wtsus("0.1 0.4").s("wt_digital")
