0:1
wtatt("0.1 0.4").s("wt_digital")
