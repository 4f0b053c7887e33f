0:1
wtrate("0.1 0.4").s("wt_digital")
