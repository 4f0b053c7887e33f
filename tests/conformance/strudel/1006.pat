0:1
note("c3 e3").compressorKnee("0.5 2")
