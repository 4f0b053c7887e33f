0:1
wtskew("0.1 0.4").s("wt_digital")
