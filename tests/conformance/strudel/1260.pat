0:1
wtdec("0.1 0.4").s("wt_digital")
