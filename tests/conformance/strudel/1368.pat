0:2
s("bd*2").duckons("<0.1 0.5>")
