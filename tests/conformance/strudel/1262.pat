0:1
wtsustain("0.1 0.4").s("wt_digital")
