0:1
note("c3 e3").compressor("-20:20:10:.002:.02")
