0:1
note("c3 e3").fmrel2("0.5 2")
