0:1
note("c3 e3").fmrel3("0.5 2")
