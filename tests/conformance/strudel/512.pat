0:2
s("bd*2").fmenv7("lin exp")
