0:1
warpsustain("0.1 0.4").s("wt_digital")
