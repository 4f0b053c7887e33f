0:2
s("bd*2").duckattack("<0.1 0.5>")
