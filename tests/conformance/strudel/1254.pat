0:1
wtattack("0.1 0.4").s("wt_digital")
