0:2
s("bd*2").fmenv8("lin exp")
