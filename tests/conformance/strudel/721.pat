0:1
note("c3 e3").fmrel6("0.5 2")
