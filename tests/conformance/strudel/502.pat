0:2
s("bd*2").fmenv2("lin exp")
