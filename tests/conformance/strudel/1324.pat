0:1
unison("0.1 0.4").s("supersaw")
