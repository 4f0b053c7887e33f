0:1
det("0.1 0.4").s("supersaw")
