0:2
s("bd*2").compressorKnee("<1 3>")
