0:1
note("c3 e3").fmi7("0.5 2")
