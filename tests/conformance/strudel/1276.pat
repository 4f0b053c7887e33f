0:1
wtshape("<sine square>").s("wt_digital")
