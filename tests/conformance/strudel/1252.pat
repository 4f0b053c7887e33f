0:1
wtenv("0.1 0.4").s("wt_digital")
