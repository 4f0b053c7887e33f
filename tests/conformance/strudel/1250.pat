0:1
wavetablePosition("0.1 0.4").s("wt_digital")
