0:2
s("bd*2").tremolodepth("<1 3>")
