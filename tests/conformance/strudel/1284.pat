0:1
wavetablePhaseRand("0.1 0.4").s("wt_digital")
