0:1
wtdecay("0.1 0.4").s("wt_digital")
