0:1
warpdepth("0.1 0.4").s("wt_digital")
