0:2
s("bd*2").fmenv3("lin exp")
