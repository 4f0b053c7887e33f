0:2
s("bd*2").compressorRatio("<1 3>")
