0:2
s("bd*2").transient("<0.2 -0.3>")
