0:1
note("c3 e3").fmrel7("0.5 2")
