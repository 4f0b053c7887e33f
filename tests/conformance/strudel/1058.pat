0:1
note("c3 e3").tremolodepth("0.5 2")
