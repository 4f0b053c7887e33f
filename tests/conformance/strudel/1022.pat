0:1
note("c3 e3").distvol("0.5 2")
