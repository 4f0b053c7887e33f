0:2
s("bd*2").fmenv("lin exp")
