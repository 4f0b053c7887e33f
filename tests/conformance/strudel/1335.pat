0:2
note("c2 g2").s("pulse").pwsweep("<0.25 0.75>")
