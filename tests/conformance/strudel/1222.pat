0:2
s("x*2").loopBegin("<0 0.5>")
