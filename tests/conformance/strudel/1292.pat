0:1
wavetableWarpMode("<pwm asym>").s("wt_digital")
