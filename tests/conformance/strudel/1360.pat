0:1
duck("2:3").s("bd")
