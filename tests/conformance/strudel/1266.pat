0:1
wtrelease("0.1 0.4").s("wt_digital")
