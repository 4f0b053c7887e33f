0:1
note("c3 e3").bpdepth("0.5 2")
