0:1
note("c3 e3").tremoloskew("0.5 2")
