0:1
warpshape("<saw ramp>").s("wt_digital")
