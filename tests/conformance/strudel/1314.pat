0:1
warpsync("0.1 0.4").s("wt_digital")
