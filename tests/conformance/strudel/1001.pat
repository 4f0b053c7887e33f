0:2
s("bd*2").chebyshev("<1 3>")
