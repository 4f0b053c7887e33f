0:1
note("c3 e3").xsdelay("0.5 2")
