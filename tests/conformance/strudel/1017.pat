0:2
s("bd*2").distorttype("scurve chebyshev")
