0:2
s("bd*2").duckonset("<0.1 0.5>")
