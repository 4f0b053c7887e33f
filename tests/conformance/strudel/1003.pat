0:2
s("bd*2").compressor("<-30 -10>")
