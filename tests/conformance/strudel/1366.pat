0:2
s("bd*2").duckdepth("<0.1 0.5>")
