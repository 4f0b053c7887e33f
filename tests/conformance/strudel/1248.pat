0:1
wt("0.1 0.4").s("wt_digital")
