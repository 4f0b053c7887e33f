0:1
note("c3 e3").fmrel1("0.5 2")
