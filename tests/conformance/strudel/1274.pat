0:1
wtdepth("0.1 0.4").s("wt_digital")
