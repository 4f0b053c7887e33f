0:2
s("bd*2").fmenv5("lin exp")
