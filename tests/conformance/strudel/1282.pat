0:1
wtphaserand("0.1 0.4").s("wt_digital")
