0:1
note("c3 e3").lpdepth("0.5 2")
