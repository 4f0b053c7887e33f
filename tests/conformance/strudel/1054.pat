0:1
note("c3 e3").tremdepth("0.5 2")
