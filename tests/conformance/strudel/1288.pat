0:1
wavetableWarp("0.1 0.4").s("wt_digital")
