0:1
note("c3 e3").compressorRelease("0.5 2")
