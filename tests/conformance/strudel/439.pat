0:1
note("c3 e3").fmatt7("0.5 2")
