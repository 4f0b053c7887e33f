0:1
warpsus("0.1 0.4").s("wt_digital")
