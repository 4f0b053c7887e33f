0:1
note("c3 e3").fmrel8("0.5 2")
