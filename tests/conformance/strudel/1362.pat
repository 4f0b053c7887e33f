0:2
s("bd*2").duckatt("<0.1 0.5>")
