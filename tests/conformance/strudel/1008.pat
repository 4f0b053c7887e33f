0:1
note("c3 e3").compressorRatio("0.5 2")
