0:1
note("c3 e3").fmi5("0.5 2")
