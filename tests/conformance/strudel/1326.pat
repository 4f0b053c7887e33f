0:1
detune("0.1 0.4").s("supersaw")
