0:1
spread("0.1 0.4").s("supersaw")
