0:1
wtrel("0.1 0.4").s("wt_digital")
