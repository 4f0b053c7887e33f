0:2
s("bd*2").fmenv1("lin exp")
