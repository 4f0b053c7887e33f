0:1
note("c3 e3").chebyshev("2:0.5")
