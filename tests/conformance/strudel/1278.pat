0:1
wtdc("0.1 0.4").s("wt_digital")
