0:2
n("0 2").s("sawtooth").djf("<0.2 0.8>")
