0:2
s("bd*2").fmenv4("lin exp")
