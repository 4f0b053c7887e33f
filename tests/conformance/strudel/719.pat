0:1
note("c3 e3").fmrel5("0.5 2")
