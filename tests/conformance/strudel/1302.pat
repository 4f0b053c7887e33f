0:1
warpdec("0.1 0.4").s("wt_digital")
