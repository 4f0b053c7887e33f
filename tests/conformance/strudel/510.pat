0:2
s("bd*2").fmenv6("lin exp")
