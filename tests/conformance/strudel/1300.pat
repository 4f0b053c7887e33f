0:1
warpdecay("0.1 0.4").s("wt_digital")
