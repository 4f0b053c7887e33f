0:1
note("c3 e3").distortvol("0.5 2")
